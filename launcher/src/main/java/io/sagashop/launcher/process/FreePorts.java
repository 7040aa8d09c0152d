package io.sagashop.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports on the loopback interface: one that nothing listens on, or whether a given one is
 * taken.
 */
public final class FreePorts {

    /**
     * Below Linux's ephemeral range (32768-60999 by default), where outgoing connections
     * take their local ports: a port from there can be taken by some process's client
     * socket between the moment it is handed out and the moment its server binds it.
     */
    private static final int FIRST = 20000;

    private static final int LAST = 32767;

    private static final int ATTEMPTS = 1000;

    /** Never the same port twice to one JVM, even before its server has bound it. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(
                new IOException("No free port between " + FIRST + " and " + LAST + " in " + ATTEMPTS + " tries"));
    }

    /**
     * Whether a server could listen on {@code port} now; a listener on any interface
     * makes it taken.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

}
