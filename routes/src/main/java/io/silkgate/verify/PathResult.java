package io.silkgate.verify;

import io.silkgate.schemas.ErrorCode;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The outcome of validating a signer's certificate path.
 *
 * @param path    the certificates from the signer to the trust anchor (anchor included); just the signer when no path
 *                could be built
 * @param failure null if trusted
 * @param message why the path is not trusted; null if trusted
 */
public record PathResult(boolean trusted, List<X509Certificate> path, RevocationStatus revocation, ErrorCode failure,
                         String message) {

    public PathResult {
        path = List.copyOf(path);
    }
}
