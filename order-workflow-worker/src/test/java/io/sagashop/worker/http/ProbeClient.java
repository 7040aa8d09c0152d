package io.sagashop.worker.http;

import org.springframework.http.MediaType;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** A client of no particular service, to test what every client has in common. */
@HttpExchange(accept = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
interface ProbeClient {

    @GetExchange("/probe")
    String probe();

}
