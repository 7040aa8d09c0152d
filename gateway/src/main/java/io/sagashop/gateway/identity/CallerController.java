package io.sagashop.gateway.identity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Who is signed in, for the shop to greet them and show what their role allows; a 401
 * tells it to send the browser to sign in.
 */
@RestController
@Tag(name = "identity")
class CallerController {

    @GetMapping("/api/me")
    @Operation(summary = "The caller: subject, name, email and roles, as their token tells")
    Caller me(Caller caller) {
        return caller;
    }

}
