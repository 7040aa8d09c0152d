package io.sagashop.gateway.shop;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The shop on the gateway's own origin, beside the API and the events it calls, so the
 * browser needs no CORS: the single-page app's page on every history route, and its
 * assets.
 *
 * <p>
 * Vite names each asset after a hash of its content, so an asset may be cached for good;
 * the page names the current ones, so it is revalidated on every load ({@code no-cache}
 * with an ETag) and a new release is picked up at once.
 */
@Configuration(proxyBeanMethods = false)
class ShopConfiguration implements WebFluxConfigurer {

    private static final String STATIC = "classpath:/static";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(ShopShell.ASSETS + "**")
            .addResourceLocations(STATIC + ShopShell.ASSETS)
            .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    @Bean
    RouterFunction<ServerResponse> shopPage(ReactiveClientRegistrationRepository registrations) throws IOException {
        byte[] page = page();
        String etag = "\"" + sha256(page) + "\"";
        String policy = contentSecurityPolicy(issuerOrigins(registrations));
        return RouterFunctions.route(request -> ShopShell.isPage(request.exchange().getRequest()),
                request -> request.exchange().checkNotModified(etag) ? ServerResponse.status(304).build()
                        : ServerResponse.ok()
                            .contentType(MediaType.TEXT_HTML)
                            .cacheControl(CacheControl.noCache())
                            .eTag(etag)
                            .header("Content-Security-Policy", policy)
                            .bodyValue(page));
    }

    /**
     * Only the shop's own code, styles and calls; nothing may frame it. Forms post to the
     * gateway, and signing out ({@code POST /logout}) is redirected to the issuer, which
     * a browser checks against {@code form-action} too. Only on the page: Swagger UI
     * keeps its inline script and styles.
     */
    static String contentSecurityPolicy(Set<String> issuerOrigins) {
        String formAction = issuerOrigins.stream().map(origin -> " " + origin).collect(Collectors.joining());
        return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'" + formAction;
    }

    /**
     * Where sign-in and sign-out send the browser, as configured for each registration.
     */
    private static Set<String> issuerOrigins(ReactiveClientRegistrationRepository registrations) {
        Set<String> origins = new LinkedHashSet<>();
        if (registrations instanceof Iterable<?> all) {
            for (Object each : all) {
                ClientRegistration.ProviderDetails provider = ((ClientRegistration) each).getProviderDetails();
                origins.add(origin(provider.getAuthorizationUri()));
                Object endSession = provider.getConfigurationMetadata().get("end_session_endpoint");
                if (endSession != null) {
                    origins.add(origin(endSession.toString()));
                }
            }
        }
        return origins;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static byte[] page() throws IOException {
        ClassPathResource index = new ClassPathResource("static" + ShopShell.INDEX);
        if (!index.exists()) {
            throw new IllegalStateException("The shop is not on the classpath (no static/index.html): the gateway "
                    + "serves the frontend module's jar, built by ./mvnw package -pl frontend");
        }
        try (InputStream in = index.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

}
