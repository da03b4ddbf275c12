package io.silkgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SampleOcspResponder;
import io.silkgate.schemas.ErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OCSP and CRLs by URL against the in-process sample responder: good, revoked, unknown, down, stale, cached. */
class RevocationOnlineTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final TestPki pki = new TestPki("Online");
    private final SampleOcspResponder responder = SampleOcspResponder.start(pki.ca, pki.ca, clock::instant);
    private final CertificatePathValidator validator = new CertificatePathValidator(new RevocationChecker(clock));
    private final IssuedCertificate signer = CertificateIssuer.issueEndEntity(pki.ca, "CN=Online Signer,O=Test,C=XX",
            TestPki.ec(), TestPki.START, TestPki.END, responder.url(), responder.crlUrl("ca.crl"));

    @AfterEach
    void stop() {
        responder.close();
    }

    private TrustAnchors trust(RevocationSettings settings) {
        return pki.anchors().withRevocation(settings);
    }

    private static RevocationSettings ocsp(RevocationPolicy policy) {
        return new RevocationSettings(true, null, false, List.of(), false, policy, Duration.ofSeconds(5));
    }

    private static RevocationSettings crlUrl(URI url, RevocationPolicy policy) {
        return new RevocationSettings(false, null, false, List.of(url), false, policy, Duration.ofSeconds(5));
    }

    private PathResult validate(RevocationSettings settings) {
        return validator.validate(signer.certificate(), signer.chain(), trust(settings), clock.instant());
    }

    // ---- OCSP

    @Test
    void goodAnswerFromTheResponderInTheCertificate() {
        PathResult result = validate(ocsp(RevocationPolicy.HARD_FAIL));

        assertTrue(result.trusted(), result.message());
        assertEquals(RevocationStatus.GOOD, result.revocation());
        assertEquals(1, responder.ocspRequests());
    }

    @Test
    void revokedAnswerRejects() {
        Instant revokedOn = Instant.parse("2026-05-01T00:00:00Z");
        responder.revoke(signer.certificate(), revokedOn);

        PathResult result = validate(ocsp(RevocationPolicy.SOFT_FAIL));

        assertEquals(ErrorCode.CERTIFICATE_REVOKED, result.failure());
        assertEquals(RevocationStatus.REVOKED, result.revocation());
        assertTrue(result.message().contains("revoked on " + revokedOn) && result.message().contains("OCSP"),
                result.message());
    }

    @Test
    void aRevocationAfterTheVerificationInstantDoesNotCount() {
        responder.revoke(signer.certificate(), Instant.parse("2026-05-01T00:00:00Z"));

        PathResult result = validator.validate(signer.certificate(), signer.chain(),
                trust(ocsp(RevocationPolicy.HARD_FAIL)), Instant.parse("2026-04-01T00:00:00Z"));

        assertTrue(result.trusted(), result.message());
        assertEquals(RevocationStatus.GOOD, result.revocation());
    }

    @Test
    void unknownAnswerHardFailRejectsSoftFailAccepts() {
        responder.markUnknown(signer.certificate());

        PathResult hard = validate(ocsp(RevocationPolicy.HARD_FAIL));
        PathResult soft = validate(ocsp(RevocationPolicy.SOFT_FAIL));

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, hard.failure());
        assertEquals(RevocationStatus.UNKNOWN, hard.revocation());
        assertTrue(hard.message().contains("status unknown") && hard.message().contains("hard-fail"),
                hard.message());
        assertTrue(soft.trusted(), soft.message());
        assertEquals(RevocationStatus.UNKNOWN, soft.revocation());
    }

    @Test
    void responderDownHardFailRejectsSoftFailAccepts() {
        responder.setFailing(true);

        PathResult hard = validate(ocsp(RevocationPolicy.HARD_FAIL));
        PathResult soft = validate(ocsp(RevocationPolicy.SOFT_FAIL));

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, hard.failure());
        assertTrue(hard.message().contains("did not answer"), hard.message());
        assertTrue(soft.trusted(), soft.message());
        assertEquals(RevocationStatus.UNKNOWN, soft.revocation());
    }

    @Test
    void responderThatNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            accept.setDaemon(true);
            accept.start();
            RevocationSettings settings = new RevocationSettings(true,
                    URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/ocsp"), false, List.of(), false,
                    RevocationPolicy.HARD_FAIL, Duration.ofMillis(300));

            PathResult result = validate(settings);

            assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.failure());
            assertTrue(result.message().contains("did not answer"), result.message());
            accept.interrupt();
        }
    }

    @Test
    void staleAnswerIsUnknown() {
        responder.answerAged(Duration.ofHours(3), Duration.ofHours(1));

        PathResult result = validate(ocsp(RevocationPolicy.HARD_FAIL));

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.failure());
        assertTrue(result.message().contains("stale"), result.message());
    }

    @Test
    void answersAreCachedUntilTheirNextUpdate() {
        RevocationSettings settings = ocsp(RevocationPolicy.HARD_FAIL);
        validate(settings);
        clock.advance(Duration.ofMinutes(30));
        validate(settings);
        assertEquals(1, responder.ocspRequests());

        responder.revoke(signer.certificate(), clock.instant());
        clock.advance(Duration.ofMinutes(31));
        PathResult afterNextUpdate = validate(settings);

        assertEquals(2, responder.ocspRequests());
        assertEquals(ErrorCode.CERTIFICATE_REVOKED, afterNextUpdate.failure());
    }

    @Test
    void answerSignedByAnotherCaIsNotBelieved() {
        TestPki other = new TestPki("Other");
        try (SampleOcspResponder forger = SampleOcspResponder.start(pki.ca, other.ca, clock::instant)) {
            RevocationSettings settings = new RevocationSettings(true, forger.url(), false, List.of(), false,
                    RevocationPolicy.HARD_FAIL, Duration.ofSeconds(5));

            PathResult result = validate(settings);

            assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.failure());
            assertTrue(result.message().contains("not signed by the issuer"), result.message());
        }
    }

    @Test
    void delegatedResponderIsBelievedOnlyWithOcspSigningUsage() {
        IssuedCertificate delegated = CertificateIssuer.issueOcspResponder(pki.ca, "CN=Online OCSP,O=Test,C=XX",
                TestPki.ec(), TestPki.START, TestPki.END);
        IssuedCertificate plain = pki.endEntity("Not A Responder");
        try (SampleOcspResponder good = SampleOcspResponder.start(pki.ca, delegated, clock::instant);
             SampleOcspResponder bad = SampleOcspResponder.start(pki.ca, plain, clock::instant)) {
            PathResult byDelegate = validate(new RevocationSettings(true, good.url(), false, List.of(), false,
                    RevocationPolicy.HARD_FAIL, Duration.ofSeconds(5)));
            PathResult byAnyone = validate(new RevocationSettings(true, bad.url(), false, List.of(), false,
                    RevocationPolicy.HARD_FAIL, Duration.ofSeconds(5)));

            assertTrue(byDelegate.trusted(), byDelegate.message());
            assertEquals(RevocationStatus.GOOD, byDelegate.revocation());
            assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, byAnyone.failure());
        }
    }

    @Test
    void nonceMustComeBackWhenAskedFor() {
        RevocationSettings withNonce = new RevocationSettings(true, null, true, List.of(), false,
                RevocationPolicy.HARD_FAIL, Duration.ofSeconds(5));
        assertTrue(validate(withNonce).trusted());

        CertificatePathValidator fresh = new CertificatePathValidator(new RevocationChecker(clock));
        responder.dropNonce();
        PathResult replayed = fresh.validate(signer.certificate(), signer.chain(), trust(withNonce), clock.instant());

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, replayed.failure());
        assertTrue(replayed.message().contains("nonce"), replayed.message());
    }

    @Test
    void certificateWithoutResponderIsUnknown() {
        IssuedCertificate silent = pki.endEntity("No AIA");

        PathResult result = validator.validate(silent.certificate(), silent.chain(),
                trust(ocsp(RevocationPolicy.HARD_FAIL)), clock.instant());

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.failure());
        assertTrue(result.message().contains("no OCSP responder"), result.message());
    }

    @Test
    void ocspUnknownFallsBackToACrl() {
        responder.markUnknown(signer.certificate());
        URI url = responder.publishCrl("ca.crl", CertificateIssuer.crl(pki.ca, List.of(signer.certificate()),
                clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofDays(1))));
        RevocationSettings both = new RevocationSettings(true, null, false, List.of(url), false,
                RevocationPolicy.HARD_FAIL, Duration.ofSeconds(5));

        PathResult result = validate(both);

        assertEquals(ErrorCode.CERTIFICATE_REVOKED, result.failure());
    }

    // ---- CRL by URL

    @Test
    void crlByUrlGoodAndRevoked() {
        IssuedCertificate other = pki.endEntity("Listed");
        URI url = responder.publishCrl("ca.crl", CertificateIssuer.crl(pki.ca, List.of(other.certificate()),
                clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofDays(1))));

        PathResult good = validate(crlUrl(url, RevocationPolicy.HARD_FAIL));
        PathResult revoked = validator.validate(other.certificate(), other.chain(),
                trust(crlUrl(url, RevocationPolicy.HARD_FAIL)), clock.instant());

        assertTrue(good.trusted(), good.message());
        assertEquals(RevocationStatus.GOOD, good.revocation());
        assertEquals(ErrorCode.CERTIFICATE_REVOKED, revoked.failure());
        assertEquals(1, responder.crlRequests(), "the CRL is fetched once and cached");
    }

    @Test
    void crlIsFetchedAgainAfterItsNextUpdate() {
        URI url = responder.publishCrl("ca.crl", CertificateIssuer.crl(pki.ca, List.of(),
                clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofHours(1))));
        assertTrue(validate(crlUrl(url, RevocationPolicy.HARD_FAIL)).trusted());

        clock.advance(Duration.ofHours(2));
        responder.publishCrl("ca.crl", CertificateIssuer.crl(pki.ca, List.of(signer.certificate()),
                clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofHours(1))));
        PathResult result = validate(crlUrl(url, RevocationPolicy.HARD_FAIL));

        assertEquals(2, responder.crlRequests());
        assertEquals(ErrorCode.CERTIFICATE_REVOKED, result.failure());
    }

    @Test
    void staleCrlByUrlIsUnknown() {
        URI url = responder.publishCrl("ca.crl", CertificateIssuer.crl(pki.ca, List.of(),
                clock.instant().minus(Duration.ofDays(2)), clock.instant().minus(Duration.ofDays(1))));

        PathResult hard = validate(crlUrl(url, RevocationPolicy.HARD_FAIL));
        PathResult soft = validate(crlUrl(url, RevocationPolicy.SOFT_FAIL));

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, hard.failure());
        assertTrue(hard.message().contains("stale"), hard.message());
        assertTrue(soft.trusted());
        assertEquals(RevocationStatus.UNKNOWN, soft.revocation());
    }

    @Test
    void unreachableCrlUrlIsUnknown() {
        PathResult result = validate(crlUrl(responder.crlUrl("missing.crl"), RevocationPolicy.HARD_FAIL));

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.failure());
        assertTrue(result.message().contains("could not be fetched"), result.message());
    }

    @Test
    void crlDistributionPointIsFollowedOnlyWhenEnabled() {
        responder.publishCrl("ca.crl", CertificateIssuer.crl(pki.ca, List.of(signer.certificate()),
                clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofDays(1))));
        RevocationSettings dp = new RevocationSettings(false, null, false, List.of(), true,
                RevocationPolicy.HARD_FAIL, Duration.ofSeconds(5));

        PathResult followed = validate(dp);
        PathResult offline = validate(RevocationSettings.OFFLINE);

        assertEquals(ErrorCode.CERTIFICATE_REVOKED, followed.failure());
        assertTrue(offline.trusted());
        assertEquals(RevocationStatus.NOT_CHECKED, offline.revocation());
        assertEquals(1, responder.crlRequests());
    }

    @Test
    void crlSignedByAnotherKeyIsIgnored() {
        IssuedCertificate impostorCa = CertificateIssuer.issueCa(pki.root, "CN=Online CA,O=Test,C=XX", TestPki.ec(),
                TestPki.START, TestPki.END);
        URI url = responder.publishCrl("ca.crl", CertificateIssuer.crl(impostorCa, List.of(),
                clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofDays(1))));

        PathResult result = validate(crlUrl(url, RevocationPolicy.HARD_FAIL));

        assertFalse(result.trusted());
        assertTrue(result.message().contains("not signed by that issuer"), result.message());
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
