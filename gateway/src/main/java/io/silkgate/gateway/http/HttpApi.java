package io.silkgate.gateway.http;

import io.silkgate.gateway.metrics.MetricsResource;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;

/** The HTTP listener: the document API and the metrics, served by CXF JAX-RS on the undertow transport. */
public final class HttpApi implements AutoCloseable {

    private final Bus bus;
    private final Server server;

    public HttpApi(String host, int port, DocumentsResource resource, MetricsResource metrics) {
        this.bus = BusFactory.newInstance().createBus();
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress("http://" + host + ":" + port + "/");
        factory.setResourceClasses(DocumentsResource.class, MetricsResource.class);
        factory.setResourceProvider(DocumentsResource.class, new SingletonResourceProvider(resource, true));
        factory.setResourceProvider(MetricsResource.class, new SingletonResourceProvider(metrics, true));
        this.server = factory.create();
    }

    @Override
    public void close() {
        server.stop();
        server.destroy();
        bus.shutdown(true);
    }
}
