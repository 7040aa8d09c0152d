package io.sagashop.support.http;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import io.sagashop.problem.InvalidRequestException;
import io.sagashop.problem.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a query string Tomcat cannot parse (a parameter without a name such as
 * {@code ?=x}, a broken {@code %} escape) with a 400 problem before anything reads a
 * parameter. Tomcat throws when a parameter is first read, wherever that is: in a
 * controller it became a 500, in an authorization rule Boot's error JSON. Only the query:
 * a body is never read here.
 */
public class UnreadableParametersFilter extends OncePerRequestFilter {

    static final String REASON = "must be name=value pairs, each with a name and valid %-escapes";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getQueryString() == null || readsABody(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        try {
            request.getParameterMap();
        }
        catch (InvalidParameterException ex) {
            ProblemDetail problem = new InvalidRequestException("query", REASON).toProblemDetail();
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(ProblemJson.bytes(problem));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Tomcat would parse a form or multipart body along with the query; those are Spring
     * MVC's to refuse (415, or 400 for a multipart type without a boundary).
     */
    private static boolean readsABody(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
    }

}
