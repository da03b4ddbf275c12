package io.silkgate.gateway.http;

import io.silkgate.gateway.metrics.MetricsResource;
import io.silkgate.gateway.soap.DocumentExchangeEndpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;

/**
 * The HTTP listener: the REST document API and the metrics (CXF JAX-RS) and the SOAP DocumentExchange service
 * (CXF JAX-WS) on one bus, so the undertow transport serves all of them on the same host and port.
 */
public final class HttpApi implements AutoCloseable {

    private final Bus bus;
    private final Server rest;
    private final Server soap;

    public HttpApi(String host, int port, DocumentsResource documents, MetricsResource metrics,
            DocumentExchangeEndpoint documentExchange) {
        this(host, port, documents, metrics, documentExchange, null);
    }

    /** @param pint the DCSA PINT receiver, or null when {@code pint:} is not configured */
    public HttpApi(String host, int port, DocumentsResource documents, MetricsResource metrics,
            DocumentExchangeEndpoint documentExchange, PintResource pint) {
        this.bus = BusFactory.newInstance().createBus();
        bus.getInInterceptors().add(new CamelHeaderFilter());
        String base = "http://" + host + ":" + port + "/";
        Server restServer = null;
        try {
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(base);
            if (pint == null) {
                factory.setResourceClasses(DocumentsResource.class, MetricsResource.class);
            } else {
                factory.setResourceClasses(DocumentsResource.class, MetricsResource.class, PintResource.class);
                factory.setResourceProvider(PintResource.class, new SingletonResourceProvider(pint, true));
            }
            factory.setResourceProvider(DocumentsResource.class, new SingletonResourceProvider(documents, true));
            factory.setResourceProvider(MetricsResource.class, new SingletonResourceProvider(metrics, true));
            restServer = factory.create();
            this.rest = restServer;
            this.soap = documentExchange.publish(bus, base);
        } catch (RuntimeException e) {
            if (restServer != null) {
                restServer.destroy();
            }
            bus.shutdown(true);
            throw e;
        }
    }

    @Override
    public void close() {
        soap.stop();
        soap.destroy();
        rest.stop();
        rest.destroy();
        bus.shutdown(true);
    }
}
