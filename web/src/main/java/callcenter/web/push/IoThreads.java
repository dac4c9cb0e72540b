package callcenter.web.push;

import java.util.concurrent.Executor;

import jakarta.websocket.Session;

import io.undertow.websockets.jsr.UndertowSession;

/**
 * The I/O thread a socket belongs to (Undertow). Undertow writes a frame at once only on that thread: a send from
 * any other thread queues a task for it and wakes its selector, one hand-off per socket and frame, which was most
 * of the fan-out's CPU. The one vendor-specific piece of the push: elsewhere (a test double, another container)
 * there is no I/O thread and the writer sends from the calling thread.
 */
final class IoThreads {

    private IoThreads() {
    }

    /** The socket's I/O thread, or null when the container is not Undertow. */
    static Executor of(Session session) {
        return session instanceof UndertowSession undertow ? undertow.getWebSocketChannel().getIoThread() : null;
    }

    /** Whether the caller runs on this I/O thread (then a write goes out at once). */
    static boolean isCurrent(Executor ioThread) {
        return ioThread == Thread.currentThread();
    }
}
