package callcenter.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

/**
 * The benchmark's agents: Netty WebSockets on two event-loop threads (one per core). Netty rather than
 * {@code java.net.http.WebSocket}: the JDK client spent about 35 µs of CPU per received frame, a third of a core
 * taken from the server being measured. Counts every frame any agent receives, the denominator of CPU per frame.
 */
final class Agents {

    /** What a round does with each frame: the event's name and the whole frame, unparsed. */
    interface FrameHandler {
        void handle(Agent agent, String event, String frame);
    }

    /**
     * Which frames a round leaves unread: counted, but neither decoded nor handed to its handler. A benchmark client
     * that decoded all 10,000 agents' {@code agents:list} (1.2 MB each with 10,000 agents) turned 12 GB into strings on
     * the two cores the server is measured on.
     */
    interface Unread {
        boolean unread(Agent agent, String event);

        Unread NONE = (agent, event) -> false;
    }

    /** Enough of a frame's beginning to hold its event's name, in both wires. */
    private static final int HEAD_BYTES = 96;

    private static final EventLoopGroup LOOPS = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    /** The largest frame accepted: {@code agents:list} lists every agent, about 120 bytes each. */
    private static final int MAX_FRAME = 64 << 20;

    /** Every frame received by any agent (protocol control packets excluded). */
    static final AtomicLong FRAMES = new AtomicLong();
    /** Sockets the server closed (a slow consumer, a failed send): must stay 0 in a healthy run. */
    static final AtomicInteger CLOSED_BY_SERVER = new AtomicInteger();

    private Agents() {
    }

    /** Connects (and registers) agents 200 at a time; each gets a calls:waiting snapshot before the next batch. */
    static List<Agent> connect(Wire wire, int port, List<String> tokens, boolean register, FrameHandler handler) throws Exception {
        return connect(wire, port, tokens, register, handler, Unread.NONE);
    }

    static List<Agent> connect(Wire wire, int port, List<String> tokens, boolean register, FrameHandler handler,
            Unread unread) throws Exception {
        List<Agent> connected = new ArrayList<>();
        int batch = 200;
        for (int from = 0; from < tokens.size(); from += batch) {
            List<Agent> opening = new ArrayList<>();
            for (String token : tokens.subList(from, Math.min(tokens.size(), from + batch))) {
                opening.add(open(wire, wire.uri(port, token), handler, unread));
            }
            for (Agent agent : opening) {
                agent.opened.get(60, TimeUnit.SECONDS);
                if (register) {
                    agent.send(wire.encode("agent:register", "{}"));
                }
            }
            for (Agent agent : opening) {
                if (register && !agent.registered.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("an agent got no calls:waiting snapshot after agent:register");
                }
                connected.add(agent);
            }
        }
        return connected;
    }

    private static Agent open(Wire wire, URI uri, FrameHandler handler, Unread unread) {
        Agent agent = new Agent(wire, handler, unread);
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri)
                .handleCloseFrames(false).handshakeTimeoutMillis(60_000).maxFramePayloadLength(MAX_FRAME)
                // The server is trusted to send UTF-8; validating every byte was a tenth of the client's CPU.
                .withUTF8Validator(false).build();
        new Bootstrap().group(LOOPS).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_FRAME), agent);
                    }
                })
                .connect(uri.getHost(), uri.getPort()).addListener(f -> {
                    if (!f.isSuccess()) {
                        agent.opened.completeExceptionally(f.cause());
                    }
                });
        return agent;
    }

    /** One agent's socket: hands every frame to the round's handler. */
    static final class Agent extends SimpleChannelInboundHandler<WebSocketFrame> {

        private final Wire wire;
        private final FrameHandler handler;
        private final Unread unread;
        private final CompletableFuture<Agent> opened = new CompletableFuture<>();
        private final CountDownLatch registered = new CountDownLatch(1);
        private volatile Channel channel;
        private volatile boolean closing;

        Agent(Wire wire, FrameHandler handler, Unread unread) {
            this.wire = wire;
            this.handler = handler;
            this.unread = unread;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                channel = ctx.channel();
                if (!wire.needsOpenFrame()) {
                    opened.complete(this);
                }
            } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                opened.completeExceptionally(new IllegalStateException("WebSocket handshake timed out"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                ByteBuf content = text.content();
                if (content.readableBytes() > HEAD_BYTES && opened.isDone()) {
                    String event = wire.event(content.toString(content.readerIndex(), HEAD_BYTES, StandardCharsets.UTF_8));
                    if (unread.unread(this, event)) {
                        FRAMES.incrementAndGet();
                        return;
                    }
                }
                String body = text.text();
                String answer = wire.control(body);
                if (answer != null) {
                    send(answer);
                    return;
                }
                if (!opened.isDone() && wire.opened(body)) {
                    opened.complete(this);
                    return;
                }
                FRAMES.incrementAndGet();
                String event = wire.event(body);
                if ("calls:waiting".equals(event)) {
                    registered.countDown();
                }
                handler.handle(this, event, body);
            } else if (frame instanceof CloseWebSocketFrame close) {
                closedByServer(close.statusCode() + " " + close.reasonText());
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (!opened.isDone()) {
                opened.completeExceptionally(new IllegalStateException("the connection closed during the handshake"));
            } else if (!closing) {
                closedByServer("connection closed");
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!opened.completeExceptionally(cause)) {
                System.out.printf("  a socket failed: %s%n", cause);
            }
            ctx.close();
        }

        private void closedByServer(String why) {
            if (!closing) {
                closing = true;
                CLOSED_BY_SERVER.incrementAndGet();
                System.out.printf("  a socket was closed by the server: %s%n", why);
            }
        }

        void send(String text) {
            channel.writeAndFlush(new TextWebSocketFrame(text));
        }

        void close() {
            closing = true;
            if (channel != null) {
                channel.close();
            }
        }
    }
}
