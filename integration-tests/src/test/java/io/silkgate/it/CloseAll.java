package io.silkgate.it;

/** Stops what a test class started, in order, even when one of them fails to close; nulls were never started. */
final class CloseAll {

    private CloseAll() {
    }

    static void of(AutoCloseable... resources) throws Exception {
        Exception first = null;
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
