package io.sagashop.support.http;

import java.io.IOException;
import java.util.Locale;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import io.sagashop.problem.HeadersTooLargeException;
import io.sagashop.problem.InvalidRequestException;
import io.sagashop.problem.ProblemJson;
import io.sagashop.problem.Problems;
import io.sagashop.problem.ProblemTypes;

/**
 * Answers what Tomcat refuses before any servlet runs (a path with an encoded '/' or NUL,
 * headers over the limit) in the same problem shape as the application, instead of
 * Tomcat's HTML page: such a request reaches no servlet, so neither Spring MVC's problem
 * handler nor Boot's error page can answer it.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    // Tomcat marks headers over its limit only by this message on the exception it
    // records.
    private static final String HEADERS_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
        .getString("iib.requestheadertoolarge.error");

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemDetail problem = problem(request, response.getStatus(), throwable);
        try {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(ProblemJson.bytes(problem));
            response.finishResponse();
        }
        catch (IOException | IllegalStateException ex) {
            // The client went away, or the response takes no body any more: there is
            // nobody left to tell.
        }
    }

    private static ProblemDetail problem(Request request, int status, @Nullable Throwable throwable) {
        if (throwable != null && HEADERS_TOO_LARGE.equals(throwable.getMessage())) {
            Object limit = request.getConnector().getProperty("maxHttpRequestHeaderSize");
            return new HeadersTooLargeException(((Number) limit).longValue()).toProblemDetail();
        }
        String reason = status == 400 ? pathReason(String.valueOf(request.getCoyoteRequest().requestURI())) : null;
        if (reason != null) {
            return new InvalidRequestException("path", reason).toProblemDetail();
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        return Problems.of(code, ProblemTypes.forStatus(code), status == HttpStatus.BAD_REQUEST.value()
                ? "The request is not valid HTTP" : "The server refused the request before reading it");
    }

    /**
     * Tomcat refuses these encodings in a path, since a decoded '/' or NUL would change
     * what the path means.
     */
    private static @Nullable String pathReason(String rawUri) {
        String uri = rawUri.toLowerCase(Locale.ROOT);
        if (uri.contains("%2f")) {
            return "must not contain an encoded '/' (%2F)";
        }
        if (uri.contains("%5c")) {
            return "must not contain an encoded '\\' (%5C)";
        }
        if (uri.contains("%00")) {
            return "must not contain an encoded NUL (%00)";
        }
        return null;
    }

}
