package io.silkgate.gateway.demo;

import java.util.List;

/**
 * One document the demo submits and what must happen to it: the HTTP answer, the rejection code, and for accepted
 * documents the final delivery status at each destination.
 */
record DemoCase(String name, byte[] document, String destinationHeader, int expectedHttp, String expectedCode,
        List<String> expectedDestinations, String expectedDelivery, boolean withoutCredentials) {

    DemoCase(String name, byte[] document, String destinationHeader, int expectedHttp, String expectedCode,
            List<String> expectedDestinations, String expectedDelivery) {
        this(name, document, destinationHeader, expectedHttp, expectedCode, expectedDestinations, expectedDelivery,
                false);
    }

    static DemoCase accepted(String name, byte[] doc, String destination, String partner, String delivery) {
        return new DemoCase(name, doc, destination, 202, null, List.of(partner), delivery);
    }

    static DemoCase duplicate(String name, byte[] doc) {
        return new DemoCase(name, doc, null, 200, null, List.of(), null);
    }

    /** Sent over TLS without a client certificate or key: refused before anything is read. */
    static DemoCase unauthenticated(String name, byte[] doc) {
        return new DemoCase(name, doc, null, 401, "UNAUTHENTICATED", List.of(), null, true);
    }

    static DemoCase rejected(String name, byte[] doc, String code) {
        return rejected(name, doc, null, code);
    }

    static DemoCase rejected(String name, byte[] doc, String destination, String code) {
        return new DemoCase(name, doc, destination, 422, code, List.of(), null);
    }
}
