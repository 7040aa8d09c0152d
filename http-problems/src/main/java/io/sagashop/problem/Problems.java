package io.sagashop.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problems that have no exception of their own, the same in the servlet
 * services and the reactive gateway: every problem has a {@code type} in our scheme and
 * its {@code title}.
 */
public final class Problems {

    private static final String ABOUT_BLANK = "about:blank";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(slug));
        problem.setTitle(ProblemTypes.titleOf(slug));
        return problem;
    }

    /**
     * Gives a framework's own problem (404, 405, ...) the type and title of its status
     * instead of {@code about:blank}; a problem that has a type keeps it.
     */
    public static ProblemDetail typedByStatus(ProblemDetail problem) {
        if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType().toString())) {
            String slug = ProblemTypes.forStatus(HttpStatusCode.valueOf(problem.getStatus()));
            problem.setType(ProblemTypes.of(slug));
            problem.setTitle(ProblemTypes.titleOf(slug));
        }
        return problem;
    }

}
