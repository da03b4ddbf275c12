package io.silkgate.pint;

/** Signs a PINT payload (UTF-8 JSON) as a compact JWS with the gateway's key. */
@FunctionalInterface
public interface PintSigner {

    String sign(byte[] payload);
}
