package io.timport.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of a server that can be switched off and on, on the same port, as a server that dies
 * and comes back is seen: {@link #down()} closes the port (connections are refused) and every connection through it;
 * {@link #maintenance()} answers every request with status 200 and an HTML page (a load balancer's maintenance
 * page); {@link #up()} forwards again.
 */
public final class SwitchableProxy implements AutoCloseable {

    enum Mode { FORWARD, DOWN, MAINTENANCE }

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong htmlAnswers = new AtomicLong();
    private volatile ServerSocket listener;
    private volatile Mode mode = Mode.FORWARD;

    public SwitchableProxy(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        ServerSocket first = new ServerSocket();
        first.setReuseAddress(true);
        first.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.port = first.getLocalPort();
        listen(first);
    }

    /** The proxy's address, in the form the client's endpoint takes. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** HTML answers given in {@link Mode#MAINTENANCE}. */
    public long htmlAnswers() {
        return htmlAnswers.get();
    }

    /** Closes the port and every connection: connections are refused from now on. */
    public synchronized void down() throws IOException {
        mode = Mode.DOWN;
        ServerSocket l = listener;
        listener = null;
        if (l != null) {
            l.close();
        }
        closeAll();
    }

    /** Answers every request with status 200 and an HTML page. */
    public synchronized void maintenance() throws IOException {
        mode = Mode.MAINTENANCE;
        closeAll();
        ensureListening();
    }

    /** Forwards again, on the same port. */
    public synchronized void up() throws IOException {
        mode = Mode.FORWARD;
        closeAll();
        ensureListening();
    }

    private void ensureListening() throws IOException {
        if (listener == null) {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listen(again);
        }
    }

    private void closeAll() {
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        open.clear();
    }

    private void listen(ServerSocket server) {
        listener = server;
        daemon(() -> {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException e) {
                    return; // closed
                }
                // the mode is read after the connection is known, and every switch sets the mode before it closes
                // what is known: a connection accepted as the mode changes is either closed by the switch or served
                // in the new mode (a kept-alive connection forwarded after down() would carry every later call)
                open.add(client);
                Mode now = mode;
                if (now == Mode.DOWN) {
                    close(client);
                } else if (now == Mode.MAINTENANCE) {
                    daemon(() -> maintenancePage(client));
                } else {
                    daemon(() -> forward(client));
                }
            }
        });
    }

    private void forward(Socket client) {
        try {
            Socket upstream = new Socket(target.getAddress(), target.getPort());
            open.add(upstream);
            daemon(() -> pump(upstream, client));
            pump(client, upstream);
        } catch (IOException e) {
            close(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            close(from);
            close(to);
        }
    }

    /** Reads each request (headers, then Content-Length bytes) and answers it with a 200 HTML page. */
    private void maintenancePage(Socket client) {
        byte[] page = "<html><body><h1>Down for maintenance</h1></body></html>".getBytes(StandardCharsets.UTF_8);
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                String headers = readHeaders(in);
                if (headers == null) {
                    return;
                }
                long length = 0;
                for (String line : headers.split("\r\n")) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(line.substring(15).trim());
                    }
                }
                in.skipNBytes(length);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + page.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(page);
                out.flush();
                htmlAnswers.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            // closed
        } finally {
            close(client);
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            headers.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
            if (matched == 4) {
                return headers.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private void close(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "switchable-proxy");
        t.setDaemon(true);
        t.start();
    }

    /** As {@link #down()}: the port and every connection closed. */
    @Override
    public void close() throws IOException {
        down();
    }
}
