package io.silkgate.sign;

/**
 * The verdict on one detached JWS.
 *
 * @param signer    subject DN (RFC 2253) of the x5c leaf certificate, null if it could not be read
 * @param algorithm the JWS alg header value, null if the header could not be read
 * @param message   why the JWS is not valid; null if valid
 */
public record JwsCheck(boolean valid, String signer, String algorithm, String message) {
}
