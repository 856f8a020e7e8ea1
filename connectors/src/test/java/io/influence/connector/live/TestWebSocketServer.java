package io.influence.connector.live;

import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket server of RFC 6455's bare minimum, for tests: it answers the opening handshake and then lets
 * a script send text frames, close properly, or drop the TCP connection. Each connection runs the script
 * on a thread of its own; it never reads what the client sends after the handshake.
 */
public final class TestWebSocketServer implements AutoCloseable {
  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** What the server does on one connection; {@code connection} counts from 0. */
  @FunctionalInterface
  public interface Script {
    void serve(int connection, URI request, Session session) throws IOException, InterruptedException;
  }

  /** One accepted connection. */
  public static final class Session {
    private final Socket socket;
    private final OutputStream out;

    Session(Socket socket) throws IOException {
      this.socket = socket;
      // Buffered, so that a frame's header and payload leave in one write (benchmarks send millions).
      this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    public void sendText(String text) throws IOException {
      byte[] payload = text.getBytes(StandardCharsets.UTF_8);
      out.write(0x81);
      if (payload.length < 126) {
        out.write(payload.length);
      } else if (payload.length < 65_536) {
        out.write(126);
        out.write(payload.length >>> 8);
        out.write(payload.length & 0xFF);
      } else {
        out.write(127);
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) ((long) payload.length >>> shift) & 0xFF);
        }
      }
      out.write(payload);
      out.flush();
    }

    /** Ends the connection as a server that goes away does, with a close frame. */
    public void sendClose(int code) throws IOException {
      out.write(0x88);
      out.write(2);
      out.write(code >>> 8);
      out.write(code & 0xFF);
      out.flush();
    }

    /** Ends the connection without a close frame, as a crashed server or a cut cable does. */
    public void drop() throws IOException {
      socket.close();
    }
  }

  private final ServerSocket server;
  private final Script script;
  private final List<URI> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  public TestWebSocketServer(Script script) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.script = script;
    this.acceptor = new Thread(this::accept, "test-websocket-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@code ws://127.0.0.1:<port>} */
  public URI uri() {
    return URI.create("ws://127.0.0.1:" + server.getLocalPort());
  }

  /** The request URIs of the handshakes so far, in order. */
  public List<URI> requests() {
    return List.copyOf(requests);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        int connection = connections.getAndIncrement();
        Thread handler = new Thread(() -> handle(connection, socket), "test-websocket-connection-" + connection);
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(int connection, Socket socket) {
    try (socket) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      String requestLine = in.readLine();
      String key = null;
      for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
        if (header.toLowerCase().startsWith("sec-websocket-key:")) {
          key = header.substring(header.indexOf(':') + 1).trim();
        }
      }
      URI request = URI.create(requestLine.split(" ")[1]);
      requests.add(request);
      String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
      socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      script.serve(connection, request, new Session(socket));
    } catch (IOException e) {
      // The client went away; the script ends with it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String accept(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
