package io.silkgate.schemas;

/** One document format of the public catalogue (CONTRACT.md §3): its id, family and whether it may come in or go out. */
public record Format(String id, Family family, String description, boolean input, boolean output, String mediaType) {

    /** The two document families the gateway carries. */
    public enum Family {
        INVOICE("invoice"),
        BILL_OF_LADING("bill-of-lading");

        private final String id;

        Family(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
