package io.silkgate.gateway.http;

import io.silkgate.schemas.ErrorCode;
import io.silkgate.gateway.config.MetricsAccess;
import io.silkgate.gateway.config.RateLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxrs.JAXRSServiceImpl;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.security.transport.TLSSessionInfo;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication and rate limiting for every resource on the gateway's CXF bus, before any of the request body
 * is read: REST, SOAP, and whatever else is registered there later (PINT). Deny by default: only health, the
 * WSDL and (when configured so) the metrics are open. An authenticated request carries its submitter id for the
 * resource ({@link #current()}); a refused one is answered here, {@code 401} or {@code 429} with
 * {@code Retry-After}, as a problem+json (JAX-RS) or as the binding's own fault (SOAP).
 *
 * <p>Reads ({@code GET}, {@code HEAD}) and submissions (everything else, SOAP included) draw on separate budgets,
 * so a submitter polling its documents' status does not lose the right to submit. A client address with too many
 * failed authentications is turned away before its credentials are looked at.
 */
public final class SubmitterGate extends AbstractPhaseInterceptor<Message> {

    /** Exchange key of the authenticated submitter id. */
    public static final String SUBMITTER = "silkgate.submitter";
    /** Exchange key of the seconds a refused client should wait, for fault answers that set the header late. */
    public static final String RETRY_AFTER = "silkgate.retry-after";

    private static final Logger LOG = LoggerFactory.getLogger(SubmitterGate.class);
    private static final Set<String> OPEN_PATHS =
            Set.of("/api/v1/health", "/api/v1/health/live", "/api/v1/health/ready");
    private static final String METRICS_PATH = "/metrics";

    /**
     * The budgets the gate enforces.
     *
     * @param submissions  per submitter, for POST, PUT and the rest (SOAP calls too)
     * @param reads        per submitter, for GET and HEAD
     * @param authFailures per client address, for requests that fail to authenticate
     */
    public record Limits(RateLimiter submissions, RateLimiter reads, AuthFailureThrottle authFailures) {

        /** No limit at all. */
        public static Limits none() {
            RateLimiter unlimited = new RateLimiter(Map.of(), RateLimit.UNLIMITED);
            return new Limits(unlimited, unlimited, new AuthFailureThrottle(RateLimit.UNLIMITED));
        }
    }

    private final SubmitterAuthenticator authenticator;
    private final Limits limits;
    private final MetricsAccess metricsAccess;
    private final BiFunction<ErrorCode, String, Exception> faultOf;
    private final Consumer<ErrorCode> refusedSubmission;

    /**
     * @param faultOf           the fault a non-REST binding answers with (SOAP: the Rejection fault)
     * @param refusedSubmission told of every refused POST, for the intake statistics
     */
    public SubmitterGate(SubmitterAuthenticator authenticator, Limits limits, MetricsAccess metricsAccess,
            BiFunction<ErrorCode, String, Exception> faultOf, Consumer<ErrorCode> refusedSubmission) {
        super(Phase.RECEIVE);
        this.authenticator = authenticator;
        this.limits = limits;
        this.metricsAccess = metricsAccess;
        this.faultOf = faultOf;
        this.refusedSubmission = refusedSubmission;
    }

    /** The submitter the current request was authenticated as; empty outside a request or on an open path. */
    public static Optional<String> current() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        if (message == null || message.getExchange() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((String) message.getExchange().get(SUBMITTER));
    }

    @Override
    public void handleMessage(Message message) {
        String method = String.valueOf(message.get(Message.HTTP_REQUEST_METHOD));
        String path = String.valueOf(message.get(Message.REQUEST_URI));
        if (isOpen(method, path, (String) message.get(Message.QUERY_STRING))) {
            return;
        }
        boolean scrape = isRead(method) && path.equals(METRICS_PATH);
        if (scrape && metricsAccess.open()) {
            return;
        }
        String address = clientAddress(message);
        Duration blocked = limits.authFailures().retryAfter(address);
        if (!blocked.isZero()) {
            long seconds = seconds(blocked);
            refuse(message, method, ErrorCode.TOO_MANY_REQUESTS, "too many failed authentications from this"
                    + " address; retry after " + seconds + " s", seconds);
            return;
        }
        String authorization = header(message, "Authorization");
        if (scrape && presentsScrapeToken(authorization)) {
            return;
        }
        SubmitterAuthenticator.Result who = authenticator.authenticate(authorization, clientCertificate(message));
        if (scrape && who.authenticated() && authenticator.isOpen()) {
            // without submitters everyone is anonymous; closed metrics then take only the scrape token
            who = SubmitterAuthenticator.Result.failed("present the metrics token as 'Authorization: Bearer <token>'");
        }
        if (!who.authenticated()) {
            LOG.debug("refused {} {}: {}", method, path, who.failure());
            limits.authFailures().failed(address);
            refuse(message, method, ErrorCode.UNAUTHENTICATED, who.failure(), 0);
            return;
        }
        // scrapes are few and cost little: they use no submitter's budget
        if (scrape || withinBudget(message, method, who.submitter())) {
            message.getExchange().put(SUBMITTER, who.submitter());
        }
    }

    private boolean presentsScrapeToken(String authorization) {
        return metricsAccess.token() != null && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && metricsAccess.token().matches(authorization.substring(7).trim());
    }

    /** Takes a token from the submitter's read or submission budget, or refuses the request. */
    private boolean withinBudget(Message message, String method, String submitter) {
        boolean read = isRead(method);
        RateLimiter.Decision decision = (read ? limits.reads() : limits.submissions()).tryAcquire(submitter);
        if (!decision.allowed()) {
            long seconds = seconds(decision.retryAfter());
            refuse(message, method, ErrorCode.TOO_MANY_REQUESTS, "submitter " + submitter + " is over its "
                    + (read ? "read" : "submission") + " rate limit; retry after " + seconds + " s", seconds);
        }
        return decision.allowed();
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The peer's IP address as the listener saw it (a proxy in front of the gateway counts as one client). */
    private static String clientAddress(Message message) {
        return message.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof HttpServletRequest request
                ? request.getRemoteAddr() : null;
    }

    static boolean isOpen(String method, String path, String query) {
        if (!isRead(method)) {
            return false;
        }
        if (OPEN_PATHS.contains(path)) {
            return true;
        }
        // the service description is public: clients generate their stubs from it
        return path.startsWith("/soap/") && query != null
                && (query.equalsIgnoreCase("wsdl") || query.regionMatches(true, 0, "xsd=", 0, 4));
    }

    private void refuse(Message message, String method, ErrorCode code, String detail, long retryAfterSeconds) {
        if (method.equals("POST")) {
            refusedSubmission.accept(code);
        }
        Exchange exchange = message.getExchange();
        if (exchange.getService() instanceof JAXRSServiceImpl) {
            Response.ResponseBuilder answer = Response.fromResponse(Problems.of(code, detail));
            if (code == ErrorCode.UNAUTHENTICATED) {
                answer.header("WWW-Authenticate", "Bearer realm=\"silkgate\"");
            }
            if (retryAfterSeconds > 0) {
                answer.header("Retry-After", Long.toString(retryAfterSeconds));
            }
            // JAXRSInInterceptor answers with a response found in the exchange instead of invoking anything
            exchange.put(Response.class, answer.build());
            return;
        }
        if (retryAfterSeconds > 0) {
            exchange.put(RETRY_AFTER, retryAfterSeconds);
        }
        throw new Fault(faultOf.apply(code, detail));
    }

    private static X509Certificate clientCertificate(Message message) {
        TLSSessionInfo tls = message.get(TLSSessionInfo.class);
        Certificate[] peer = tls == null ? null : tls.getPeerCertificates();
        return peer != null && peer.length > 0 && peer[0] instanceof X509Certificate x ? x : null;
    }

    private static String header(Message message, String name) {
        if (message.get(Message.PROTOCOL_HEADERS) instanceof Map<?, ?> headers) {
            for (Map.Entry<?, ?> e : headers.entrySet()) {
                if (e.getKey() instanceof String key && key.equalsIgnoreCase(name)
                        && e.getValue() instanceof List<?> values && !values.isEmpty()) {
                    return String.valueOf(values.get(0));
                }
            }
        }
        return null;
    }
}
