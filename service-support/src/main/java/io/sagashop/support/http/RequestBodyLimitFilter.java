package io.sagashop.support.http;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import io.sagashop.problem.ProblemJson;
import io.sagashop.problem.RequestTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies over the configured size with 413. A declared Content-Length is
 * checked up front; a chunked body is counted while it is read, and the overflow surfaces
 * through the problem handler. Either way the answer is the gateway's:
 * {@link RequestTooLargeException}.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limitBytes;

    public RequestBodyLimitFilter(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limitBytes) {
            writeTooLarge(request, response);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new CountingRequest(request, limitBytes), response);
    }

    private void writeTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Written without a converter: this filter runs before Spring MVC.
        ProblemDetail problem = new RequestTooLargeException(limitBytes).toProblemDetail();
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close");
        response.getOutputStream().write(ProblemJson.bytes(problem));
    }

    private static final class CountingRequest extends HttpServletRequestWrapper {

        private final long limitBytes;

        private ServletInputStream stream;

        CountingRequest(HttpServletRequest request, long limitBytes) {
            super(request);
            this.limitBytes = limitBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingInputStream(super.getInputStream(), limitBytes);
            }
            return stream;
        }

    }

    private static final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream delegate;

        private final long limitBytes;

        private long count;

        CountingInputStream(ServletInputStream delegate, long limitBytes) {
            this.delegate = delegate;
            this.limitBytes = limitBytes;
        }

        @Override
        public int read() throws IOException {
            int value = delegate.read();
            if (value >= 0) {
                add(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = delegate.read(buffer, offset, length);
            if (read > 0) {
                add(read);
            }
            return read;
        }

        /**
         * A stream fails with an IOException, which the message converters wrap; the
         * problem handler finds the problem inside.
         */
        private void add(int read) throws IOException {
            count += read;
            if (count > limitBytes) {
                RequestTooLargeException tooLarge = new RequestTooLargeException(limitBytes);
                throw new IOException(tooLarge.getMessage(), tooLarge);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }

    }

}
