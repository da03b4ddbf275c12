package io.silkgate.gateway.http;

import java.util.Locale;

/** Which media types a submitted document may have, for the HTTP and the SOAP intake alike. */
public final class DocumentMediaTypes {

    private DocumentMediaTypes() {
    }

    /** The type without parameters, lower case; empty for none. */
    public static String baseType(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** XML or JSON documents, including {@code +xml} / {@code +json} subtypes, and JWS ({@code application/jose}). */
    public static boolean isDocument(String baseType) {
        return baseType.equals("application/xml") || baseType.equals("application/jose") || baseType.equals("text/xml") || baseType.equals("application/json")
                || (baseType.startsWith("application/") && (baseType.endsWith("+xml") || baseType.endsWith("+json")));
    }
}
