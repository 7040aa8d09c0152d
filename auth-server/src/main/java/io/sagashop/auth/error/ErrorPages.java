package io.sagashop.auth.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import io.sagashop.problem.Problems;

/**
 * What a failure outside the OAuth endpoints (which answer in their protocol's error
 * format) looks like: a page in the sign-in page's style for a browser, a problem for any
 * other client. It replaces Boot's whitelabel page and its ad-hoc JSON.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = statusOf(request);
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", messageFor(status));
        return page;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemDetail problem = Problems.typedByStatus(ProblemDetail.forStatusAndDetail(status, messageFor(status)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
        return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String messageFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is no page at this address";
            case FORBIDDEN -> "The request was refused: reload the sign-in page and try again";
            case METHOD_NOT_ALLOWED -> "This address does not take that kind of request";
            default -> status.is5xxServerError() ? "The sign-in server failed to answer: try again in a moment"
                    : "The request could not be handled";
        };
    }

}
