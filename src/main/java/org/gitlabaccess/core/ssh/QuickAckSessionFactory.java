package org.gitlabaccess.core.ssh;

import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.AsynchronousSocketChannel;
import org.apache.sshd.client.ClientFactoryManager;
import org.apache.sshd.client.session.SessionFactory;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.io.nio2.Nio2Session;
import org.apache.sshd.common.util.Readable;
import jdk.net.ExtendedSocketOptions;

/**
 * Acknowledges what the server sent as soon as it has been read. A server that leaves Nagle's
 * algorithm on (OpenSSH's sshd does for sessions without a terminal, as git's are) holds each small
 * packet until its previous one is acknowledged, and Linux delays that acknowledgement by 40 ms when
 * the client answers by itself: a handshake of a dozen small packets meets that wait two or three
 * times. The option is a one-shot switch, so it is set again after every read; where the platform
 * has no such option nothing changes.
 */
final class QuickAckSessionFactory extends SessionFactory {
    private static final SocketOption<Boolean> QUICK_ACK = ExtendedSocketOptions.TCP_QUICKACK;

    QuickAckSessionFactory(ClientFactoryManager client) {
        super(client);
    }

    @Override
    public void messageReceived(IoSession ioSession, Readable message) throws Exception {
        super.messageReceived(ioSession, message);
        if (ioSession instanceof Nio2Session nio && !ioSession.isClosing()) {
            quickAck(nio.getSocket());
        }
    }

    private static void quickAck(AsynchronousSocketChannel socket) {
        if (!socket.supportedOptions().contains(QUICK_ACK)) {
            return;
        }
        try {
            socket.setOption(QUICK_ACK, true);
        } catch (IOException | RuntimeException e) {
            // a closed socket or a platform without it: the acknowledgement merely comes later
        }
    }
}
