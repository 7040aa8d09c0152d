package io.sagashop.auth.signin;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The sign-in page's model and view, shared by the controller that shows it and the rate
 * limit, which answers a browser's refused attempt with the same page.
 */
@Component
class SignInPage {

    static final String VIEW = "sign-in";

    private final SignInPageProperties properties;

    private final ThymeleafViewResolver views;

    SignInPage(SignInPageProperties properties, ThymeleafViewResolver views) {
        this.properties = properties;
        this.views = views;
    }

    void describe(Model model) {
        model.addAttribute("demoAccounts", this.properties.demoAccounts());
        model.addAttribute("demoPassword", this.properties.demoPassword());
        model.addAttribute("shopUrl", this.properties.shopUrl());
    }

    /**
     * Renders the page outside Spring MVC (from a servlet filter) with the status already
     * set, saying how long to wait.
     */
    void renderLimited(HttpServletRequest request, HttpServletResponse response, Duration retryAfter, String email)
            throws Exception {
        Model model = new ExtendedModelMap();
        describe(model);
        model.addAttribute("retryAfterSeconds", retryAfter.toSeconds());
        model.addAttribute("email", email);
        View view = this.views.resolveViewName(VIEW, Locale.ENGLISH);
        if (view == null) {
            throw new IllegalStateException("No template for the sign-in page: " + VIEW);
        }
        Map<String, Object> attributes = model.asMap();
        view.render(attributes, request, response);
    }

}
