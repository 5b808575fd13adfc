package org.leadflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator's doors ({@code /actuator/**}), before every other chain:
 * <ul>
 *   <li>{@code health} (with {@code health/liveness} and {@code health/readiness}) and {@code info}: open, so
 *       load balancers and compose health checks need no credentials; they see UP/DOWN only. Admins and the
 *       {@value Roles#MONITORING} group see each component's details when they send HTTP Basic
 *       ({@code management.endpoint.health.roles}).</li>
 *   <li>every other endpoint ({@code prometheus}): HTTP Basic as a member of {@value Roles#MONITORING} or
 *       {@value Roles#ADMIN}; 401/403 problem details otherwise. A Prometheus scrape job uses a Camunda user in the
 *       monitoring group ({@code basic_auth} in its scrape config).</li>
 * </ul>
 * No session, no CSRF (nothing here changes state: only GET endpoints are exposed).
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

  @Bean
  @Order(0)
  SecurityFilterChain actuator(HttpSecurity http, CamundaIdentityAuthenticationProvider provider, ObjectMapper json)
      throws Exception {
    return http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authenticationProvider(provider)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
            .anyRequest().hasAnyAuthority(Roles.MONITORING, Roles.ADMIN))
        .httpBasic(basic -> basic.realmName("leadflow").authenticationEntryPoint((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"leadflow\"");
          SecurityConfiguration.writeProblem(response, json, HttpStatus.UNAUTHORIZED, "Authentication required",
              "Use HTTP Basic with a user of the group " + Roles.MONITORING + " or " + Roles.ADMIN);
        }))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> SecurityConfiguration.writeProblem(
            response, json, HttpStatus.FORBIDDEN, "Forbidden",
            "Only the groups " + Roles.MONITORING + " and " + Roles.ADMIN + " read " + request.getRequestURI())))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .build();
  }
}
