package org.lectern.node.messaging;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompReactorNettyCodec;
import org.springframework.messaging.tcp.ReconnectStrategy;
import org.springframework.messaging.tcp.TcpConnection;
import org.springframework.messaging.tcp.TcpConnectionHandler;
import org.springframework.messaging.tcp.TcpOperations;
import org.springframework.messaging.tcp.reactor.ReactorNettyTcpClient;

/**
 * The relay's TCP client for a broker with several addresses (an ActiveMQ Artemis primary and its backup): every
 * connection goes to the address in use, and a connection that cannot be made moves the relay on to the next one,
 * so the next attempt (the relay's own reconnect, or the next client) tries there. Written here because Spring's
 * relay takes one host, and round robin would send connections to a passive backup that refuses them.
 */
final class FailoverBrokerClient implements TcpOperations<byte[]> {

    private final List<InetSocketAddress> addresses;
    private final AtomicInteger inUse = new AtomicInteger();
    private final ReactorNettyTcpClient<byte[]> client;

    FailoverBrokerClient(List<InetSocketAddress> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("at least one broker address is needed");
        }
        this.addresses = List.copyOf(addresses);
        this.client = new ReactorNettyTcpClient<>(tcp -> tcp.remoteAddress(this::current), new StompReactorNettyCodec());
    }

    InetSocketAddress current() {
        return addresses.get(Math.floorMod(inUse.get(), addresses.size()));
    }

    @Override
    public CompletableFuture<Void> connectAsync(TcpConnectionHandler<byte[]> handler) {
        return client.connectAsync(new MovingOnWhenRefused(handler, inUse.get()));
    }

    @Override
    public CompletableFuture<Void> connectAsync(TcpConnectionHandler<byte[]> handler, ReconnectStrategy strategy) {
        return client.connectAsync(new MovingOnWhenRefused(handler, inUse.get()), strategy);
    }

    @Override
    public CompletableFuture<Void> shutdownAsync() {
        return client.shutdownAsync();
    }

    @Override
    public String toString() {
        return "FailoverBrokerClient" + addresses;
    }

    /** Moves on from the address a failed attempt used; many failures of one address move on once. */
    private final class MovingOnWhenRefused implements TcpConnectionHandler<byte[]> {

        private final TcpConnectionHandler<byte[]> handler;
        private int attempted;

        MovingOnWhenRefused(TcpConnectionHandler<byte[]> handler, int attempted) {
            this.handler = handler;
            this.attempted = attempted;
        }

        @Override
        public void afterConnected(TcpConnection<byte[]> connection) {
            handler.afterConnected(connection);
        }

        @Override
        public void afterConnectFailure(Throwable failure) {
            inUse.compareAndSet(attempted, attempted + 1);
            attempted = inUse.get(); // a reconnect of this handler tries the address now in use
            handler.afterConnectFailure(failure);
        }

        @Override
        public void handleMessage(Message<byte[]> message) {
            handler.handleMessage(message);
        }

        @Override
        public void handleFailure(Throwable failure) {
            handler.handleFailure(failure);
        }

        @Override
        public void afterConnectionClosed() {
            handler.afterConnectionClosed();
        }
    }
}
