package org.leadflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may use which door.
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against the Camunda identity; capture needs marketing, lead-intake
 *       or admin; reading needs one of the working groups or admin; the decision tables
 *       ({@code /api/rules}) are changed by process owners and admins, read also by sales managers
 *       and marketing; back-testing a rule needs process-owner, marketing or admin; changing teams, reps
 *       and absences and reassigning a lead needs sales-manager or admin; SLA records ({@code /api/slas})
 *       are read by every working group; business calendars ({@code /api/calendars}) are read by the
 *       working groups and edited by admins; the stuck-lead list needs sales-manager,
 *       process-owner or admin.</li>
 *   <li>{@code /engine-rest/**}: Camunda's own Basic authentication filter, so engine authorizations
 *       apply to the caller.</li>
 *   <li>The Camunda webapps authenticate with their own login and CSRF protection.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final String[] READERS = {Roles.MARKETING, Roles.SDR, Roles.SALES, Roles.SALES_MANAGER,
      Roles.PROCESS_OWNER, Roles.ADMIN};

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider provider, ObjectMapper json)
      throws Exception {
    return http.securityMatcher("/api/**")
        .authenticationProvider(provider)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.POST, "/api/leads").hasAnyAuthority(Roles.MARKETING, Roles.LEAD_INTAKE, Roles.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/leads", "/api/leads/**").hasAnyAuthority(READERS)
            .requestMatchers(HttpMethod.GET, "/api/rules", "/api/rules/**")
                .hasAnyAuthority(Roles.PROCESS_OWNER, Roles.SALES_MANAGER, Roles.MARKETING, Roles.ADMIN)
            .requestMatchers(HttpMethod.PUT, "/api/rules/**").hasAnyAuthority(Roles.PROCESS_OWNER, Roles.ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/rules/*/backtest")
                .hasAnyAuthority(Roles.PROCESS_OWNER, Roles.MARKETING, Roles.ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/handovers").hasAnyAuthority(Roles.SALES_MANAGER, Roles.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/handovers", "/api/handovers/**")
                .hasAnyAuthority(Roles.SALES_MANAGER, Roles.PROCESS_OWNER, Roles.ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/leads/*/reassignment").hasAnyAuthority(Roles.SALES_MANAGER, Roles.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/teams", "/api/teams/**", "/api/reps", "/api/reps/**")
                .hasAnyAuthority(READERS)
            .requestMatchers(HttpMethod.GET, "/api/slas", "/api/slas/**").hasAnyAuthority(READERS)
            .requestMatchers("/api/teams/**", "/api/reps/**").hasAnyAuthority(Roles.SALES_MANAGER, Roles.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/calendars", "/api/calendars/**").hasAnyAuthority(READERS)
            .requestMatchers("/api/calendars", "/api/calendars/**").hasAuthority(Roles.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/stuck-leads")
                .hasAnyAuthority(Roles.SALES_MANAGER, Roles.PROCESS_OWNER, Roles.ADMIN)
            .anyRequest().hasAuthority(Roles.ADMIN))
        .httpBasic(basic -> basic.realmName("leadflow").authenticationEntryPoint((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"leadflow\"");
          writeProblem(response, json, HttpStatus.UNAUTHORIZED, "Authentication required",
              "Use HTTP Basic with a leadflow (Camunda) user");
        }))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> writeProblem(response, json,
            HttpStatus.FORBIDDEN, "Forbidden", "Your groups do not allow " + request.getMethod() + " "
                + request.getRequestURI())))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // stateless Basic-authenticated API: no browser session to ride on
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    // engine-rest: ProcessEngineAuthenticationFilter below; webapps: Camunda's login, session and CSRF filter
    return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setName("engine-rest-authentication");
    return registration;
  }

  private static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String title,
      String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
