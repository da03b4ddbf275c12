package io.silkgate.pint;

/**
 * One answer of the PINT receiver API.
 *
 * @param status HTTP status
 * @param body   JSON text: the signed response as a JSON string, the unsigned 201 object, or null (204, 404)
 * @param code   the signed response code, or null for unsigned answers
 * @param reason why, for rejections and 404; null otherwise
 */
public record PintAnswer(int status, String body, PintResponseCode code, String reason) {

    public boolean signed() {
        return code != null;
    }
}
