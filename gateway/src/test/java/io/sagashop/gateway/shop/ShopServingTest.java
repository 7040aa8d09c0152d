package io.sagashop.gateway.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.sagashop.gateway.GatewayTest;

/**
 * The shop, as built by the frontend module, on the gateway's origin: its page on every
 * history route for anyone, its hashed assets cached for good, and the API unchanged
 * beside it.
 */
class ShopServingTest extends GatewayTest {

    private static final String IMMUTABLE = "max-age=31536000, public, immutable";

    @Test
    void everyViewOfTheShopLoadsItsPageWithoutSignIn() {
        for (String view : new String[] { "/", "/cart", "/checkout", "/orders", "/orders/" + UUID.randomUUID(),
                "/operator", "/orders?page=2" }) {
            page(view).expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .cacheControl(CacheControl.noCache())
                .expectBody(String.class)
                .isEqualTo(builtPage());
        }
    }

    @Test
    void thePageIsRevalidatedByItsETag() {
        String etag = page("/").expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();

        client.get()
            .uri("/orders")
            .accept(MediaType.TEXT_HTML)
            .header(HttpHeaders.IF_NONE_MATCH, etag)
            .exchange()
            .expectStatus()
            .isNotModified();
    }

    @Test
    void thePageMayLoadOnlyTheShopsOwnCodeAndSignOutOnlyAtTheIssuer() {
        String origin = URI.create(issuer.endSessionUri()).resolve("/").toString().replaceAll("/$", "");

        page("/orders").expectHeader()
            .valueEquals("Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self' "
                            + origin)
            .expectHeader()
            .valueEquals("X-Content-Type-Options", "nosniff")
            .expectHeader()
            .valueEquals("X-Frame-Options", "DENY");
    }

    @Test
    void swaggerUiKeepsItsInlineScriptsWithoutTheShopsPolicy() {
        client.get()
            .uri("/swagger-ui/index.html")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .doesNotExist("Content-Security-Policy");
    }

    @Test
    void anAssetIsCachedForGood() {
        String asset = assetOfThePage();

        client.get()
            .uri(asset)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
            .expectBody(String.class)
            .value(body -> assertThat(body).isNotBlank());
    }

    @Test
    void aMissingAssetIsNotFoundAndNeverThePage() {
        client.get()
            .uri("/assets/app-00000000.js")
            .accept(MediaType.TEXT_HTML, MediaType.ALL)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownApiPathStaysAProblemNotThePage() {
        client.get()
            .uri("/api/nope")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:unauthorized");
        client.get()
            .uri("/api/nope")
            .accept(MediaType.TEXT_HTML)
            .header(HttpHeaders.AUTHORIZATION, shopper(UUID.randomUUID()))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:not-found");
    }

    private WebTestClient.ResponseSpec page(String view) {
        return client.get().uri(view).accept(MediaType.TEXT_HTML).exchange();
    }

    /** The hashed script the built page loads. */
    private static String assetOfThePage() {
        Matcher asset = Pattern.compile("/assets/[^\"' >]+\\.js").matcher(builtPage());
        assertThat(asset.find()).as("the built page loads a script from /assets/").isTrue();
        return asset.group();
    }

    private static String builtPage() {
        try (InputStream in = new ClassPathResource("static/index.html").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException notBuilt) {
            throw new AssertionError("The frontend module's jar is not on the classpath", notBuilt);
        }
    }

}
