package io.sagashop.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.sagashop.gateway.Browser;
import io.sagashop.gateway.GatewayTest;
import io.sagashop.testsupport.security.TestIssuer.Person;

/**
 * One connection serves request after request, as a browser's does, however each one is
 * answered: here an order read (answered once the order service has, off the server's
 * event loop) and then a call answered at once, a sequence that once left the connection
 * deaf.
 */
class KeepAliveTest extends GatewayTest {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\\r\\ncontent-length: *(\\d+)");

    @LocalServerPort
    int port;

    @Test
    void answersEveryRequestOnOneKeepAliveConnection() throws IOException {
        UUID shopper = UUID.randomUUID();
        String orderId = placeOrder(shopper, newKey(), order("tok_visa", "COF-ESPRESSO-250", "1")).expectStatus()
            .isAccepted()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("orderId")
            .toString();
        String bearer = "Authorization: " + shopper(shopper);
        Browser browser = Browser.signedIn(client, issuer.signIn(Person.shopper(UUID.randomUUID())));
        String session = "Cookie: " + Browser.SESSION_COOKIE + "=" + browser.cookie(Browser.SESSION_COOKIE).getValue()
                + "; " + Browser.CSRF_COOKIE + "=" + browser.csrfToken();

        try (Socket connection = new Socket("localhost", port)) {
            connection.setSoTimeout(5000);
            for (int i = 0; i < 30; i++) {
                assertThat(get(connection, "/api/orders/" + orderId + "/saga", bearer)).as("saga %d", i)
                    .startsWith("HTTP/1.1 200 ");
                assertThat(get(connection, "/api/me", session)).as("caller %d", i).startsWith("HTTP/1.1 200 ");
            }
        }
    }

    private String get(Socket connection, String path, String header) throws IOException {
        OutputStream out = connection.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + header + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = connection.getInputStream();
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("The gateway closed the connection");
            }
            head.append((char) next);
        }
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return head.toString();
    }

}
