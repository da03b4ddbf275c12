package io.silkgate.gateway.config;

/**
 * Remote JMX for operators.
 *
 * @param user     null: no authentication (then password is null too)
 * @param password null exactly when user is null
 */
public record JmxSettings(int port, String user, Secret password) {
}
