package io.sagashop.auth.signin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows the sign-in form. Spring Security's form login handles its post (and sends a
 * wrong password back here with {@code ?error}).
 */
@Controller
class SignInController {

    private final SignInPage page;

    SignInController(SignInPage page) {
        this.page = page;
    }

    @GetMapping("/login")
    String signIn(HttpServletRequest request, Model model) {
        this.page.describe(model);
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("signedOut", request.getParameter("logout") != null);
        return SignInPage.VIEW;
    }

}
