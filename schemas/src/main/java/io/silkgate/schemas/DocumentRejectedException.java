package io.silkgate.schemas;

import java.util.List;

/** Thrown by any pipeline step that rejects a submitted document; carries the contract code and every problem found. */
public class DocumentRejectedException extends RuntimeException {

    private final ErrorCode code;
    private final List<Problem> problems;

    public DocumentRejectedException(ErrorCode code, String message) {
        this(code, message, List.of(Problem.of(code, message)));
    }

    public DocumentRejectedException(ErrorCode code, String message, List<Problem> problems) {
        super(message);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }
}
