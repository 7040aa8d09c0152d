package io.sagashop.launcher.process;

/**
 * A process of the stack could not be started, exited early or did not become ready in
 * time.
 */
public class ProcessFailedException extends RuntimeException {

    public ProcessFailedException(String message) {
        super(message);
    }

    public ProcessFailedException(String message, Throwable cause) {
        super(message, cause);
    }

}
