package org.leadflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
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
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may use which door.
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against the Camunda identity, stateless (no session is created, no
 *       CSRF token needed: a cross-site page cannot set the Authorization header), or the session of a
 *       user who logged in at {@code /login} (the pages' JavaScript calls the API with it; then a write
 *       needs the CSRF token, see below). Capture needs marketing, lead-intake or admin; reading needs
 *       one of the working groups or admin; the decision tables ({@code /api/rules}) are changed by process
 *       owners and admins, read also by sales managers and marketing; the modeler's API ({@code /api/models/**}:
 *       models, validation, deployment, migration, audit) is for process owners and admins only; back-testing a rule needs
 *       process-owner, marketing or admin; changing teams, reps and absences and reassigning a lead needs
 *       sales-manager or admin; SLA records ({@code /api/slas}) are read by every working group; business
 *       calendars ({@code /api/calendars}) are read by the working groups and edited by admins; the
 *       stuck-lead list needs sales-manager, process-owner or admin; the digests ({@code /api/digests})
 *       are for sales managers and admins; the reports ({@code GET /api/reports/**}) let every working group
 *       in, and {@code org.leadflow.reports.ReportAccess} narrows it down (marketing, sales managers and admins
 *       see everything, sdr and sales their own teams, everybody else gets a 403); the money reports
 *       ({@code /api/reports/pipeline|revenue|costs|leaderboard}) already refuse other groups at the door;
 *       campaign costs ({@code /api/campaign-costs}) are written by marketing and admins, plans
 *       ({@code /api/plans}) by sales managers and admins, both read by marketing, sales managers and admins.</li>
 *   <li>The app's own pages ({@link #PAGES}, plain HTML/CSS/JS from {@code static/}, one stylesheet
 *       {@code /css/leadflow.css}, the shared script {@code /js/page.js}): form login at {@code /login}
 *       against the Camunda identity (the same users and passwords as Tasklist), an HTTP session,
 *       CSRF protection for everything the session does (the token travels in the cookie
 *       {@value #CSRF_COOKIE}, readable by the pages' script, which sends it back in the header
 *       {@value #CSRF_HEADER} or the form field {@code _csrf}), security headers (CSP {@code 'self'} only,
 *       no framing, no referrer across origins, no sniffing), {@code POST /logout}. A new page adds its
 *       paths and groups to {@link #pages}; its script uses {@code page.js}'s {@code api()}. The pages:
 *       {@code /digest} (sales-manager, admin), {@code /reports} (marketing, sales-manager, admin; its charts
 *       are ECharts from the WebJar under {@code /webjars/echarts/**}, canvas-rendered with canvas tooltips,
 *       so the CSP needs no inline script or style), {@code /modeler} (process-owner, admin; its bundle under
 *       {@code /modeler/**} is public like {@code /js/**}; the page alone gets a CSP that allows inline styles,
 *       which bpmn-js and the properties panel set as style attributes).</li>
 *   <li>{@code /engine-rest/**}: Camunda's own Basic authentication filter, so engine authorizations
 *       apply to the caller.</li>
 *   <li>The Camunda webapps authenticate with their own login and CSRF protection (their cookie is
 *       {@code XSRF-TOKEN} under {@code /camunda}; ours has another name so the two never mix).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** The pages behind the form login; each also lives as {@code <path>.html} in {@code static/}. */
  static final String[] DIGEST_PAGE = {"/digest", "/digest.html"};
  static final String[] REPORTS_PAGE = {"/reports", "/reports.html"};
  static final String[] MODELER_PAGE = {"/modeler", "/modeler.html"};
  static final String[] PAGES = Stream.of(DIGEST_PAGE, REPORTS_PAGE, MODELER_PAGE).flatMap(Arrays::stream)
      .toArray(String[]::new);
  /**
   * Open to everyone: the login page and the shared assets (ECharts from its WebJar for /reports, the
   * modeler's bundle under /modeler/). {@code /modeler/**} also matches {@code /modeler}, so the pages'
   * own rules come first.
   */
  static final String[] PUBLIC_PAGE_PATHS = {"/login", "/login.html", "/css/**", "/js/**", "/webjars/echarts/**",
      "/modeler/**", "/favicon.ico"};
  static final String CSRF_COOKIE = "LEADFLOW-XSRF-TOKEN";
  static final String CSRF_HEADER = "X-LEADFLOW-XSRF-TOKEN";
  private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
      + "object-src 'none'";
  /**
   * The modeler page's policy: the same but for inline styles, which bpmn-js, diagram-js, dmn-js, form-js and
   * the properties panel set as style attributes on the elements they draw. Scripts stay 'self' only.
   */
  private static final String MODELER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
      "style-src 'self';", "style-src 'self' 'unsafe-inline';");

  private static final String[] READERS = {Roles.MARKETING, Roles.SDR, Roles.SALES, Roles.SALES_MANAGER,
      Roles.PROCESS_OWNER, Roles.ADMIN};

  /** Every report figure (and campaign costs, plans): marketing, sales managers, admins. */
  private static final String[] REPORT_FULL = {Roles.MARKETING, Roles.SALES_MANAGER, Roles.ADMIN};
  /** The reports' door; sdr and sales users then see only their own teams' figures (reports.ReportAccess). */
  private static final String[] REPORT_READERS = {Roles.MARKETING, Roles.SALES_MANAGER, Roles.ADMIN, Roles.SDR,
      Roles.SALES};

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
            .requestMatchers(HttpMethod.GET, "/api/digests", "/api/digests/**")
                .hasAnyAuthority(Roles.SALES_MANAGER, Roles.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/campaign-costs", "/api/plans").hasAnyAuthority(REPORT_FULL)
            .requestMatchers(HttpMethod.POST, "/api/campaign-costs").hasAnyAuthority(Roles.MARKETING, Roles.ADMIN)
            .requestMatchers(HttpMethod.DELETE, "/api/campaign-costs/*").hasAnyAuthority(Roles.MARKETING, Roles.ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/plans").hasAnyAuthority(Roles.SALES_MANAGER, Roles.ADMIN)
            .requestMatchers(HttpMethod.DELETE, "/api/plans/*").hasAnyAuthority(Roles.SALES_MANAGER, Roles.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/reports/pipeline", "/api/reports/revenue", "/api/reports/costs",
                "/api/reports/leaderboard").hasAnyAuthority(REPORT_READERS)
            .requestMatchers(HttpMethod.GET, "/api/reports", "/api/reports/**").hasAnyAuthority(READERS)
            .requestMatchers("/api/models", "/api/models/**").hasAnyAuthority(Roles.PROCESS_OWNER, Roles.ADMIN)
            .anyRequest().hasAuthority(Roles.ADMIN))
        .httpBasic(basic -> basic.realmName("leadflow").authenticationEntryPoint((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"leadflow\"");
          writeProblem(response, json, HttpStatus.UNAUTHORIZED, "Authentication required",
              "Use HTTP Basic with a leadflow (Camunda) user");
        }))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> writeProblem(response, json,
            HttpStatus.FORBIDDEN, "Forbidden", e instanceof CsrfException
                ? "A write with the page's session needs the CSRF token (header " + CSRF_HEADER + ")"
                : "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI())))
        // Basic creates no session; a page's session (from /login) is read, never created here
        .securityContext(context -> context.securityContextRepository(sessionReadingRepository()))
        .requestCache(cache -> cache.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        // writes riding on the session need the token; Basic requests cannot be forged cross-site, and a
        // request without a session has nothing to forge (it gets the 401 above)
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
                && !hasBasicCredentials(request) && request.getRequestedSessionId() != null))
        .headers(headers -> headers.contentTypeOptions(Customizer.withDefaults()))
        .build();
  }

  /**
   * The pages: form login against the Camunda identity, a session, CSRF on, security headers, logout.
   * Asks for a login (a redirect to {@code /login}) instead of the API's 401.
   */
  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
    String[] matched = Stream.of(PAGES, PUBLIC_PAGE_PATHS, new String[] {"/logout"}).flatMap(Arrays::stream)
        .toArray(String[]::new);
    RequestMatcher modelerPage = new OrRequestMatcher(Arrays.stream(MODELER_PAGE)
        .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList());
    return http.securityMatcher(matched)
        .authenticationProvider(provider)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(DIGEST_PAGE).hasAnyAuthority(Roles.SALES_MANAGER, Roles.ADMIN)
            .requestMatchers(REPORTS_PAGE).hasAnyAuthority(Roles.MARKETING, Roles.SALES_MANAGER, Roles.ADMIN)
            .requestMatchers(MODELER_PAGE).hasAnyAuthority(Roles.PROCESS_OWNER, Roles.ADMIN)
            .requestMatchers(PUBLIC_PAGE_PATHS).permitAll()
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/digest").failureUrl("/login?error")
            .permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
            .deleteCookies("JSESSIONID", CSRF_COOKIE))
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
        .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
          response.setStatus(HttpStatus.FORBIDDEN.value());
          response.setContentType(MediaType.TEXT_HTML_VALUE);
          response.setCharacterEncoding("UTF-8");
          response.getWriter().write(FORBIDDEN_PAGE);
        }))
        .headers(headers -> headers
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(modelerPage,
                new ContentSecurityPolicyHeaderWriter(MODELER_CONTENT_SECURITY_POLICY)))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(modelerPage),
                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
            .frameOptions(frame -> frame.deny()))
        .build();
  }

  @Bean
  @Order(3)
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

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private static final String FORBIDDEN_PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<title>Not allowed - leadflow</title><link rel=\"stylesheet\" href=\"/css/leadflow.css\"></head>"
      + "<body><main class=\"narrow\"><h1>Not allowed</h1><p id=\"forbidden\">Your groups do not allow this page."
      + "</p><p><a href=\"/login\">Log in as someone else</a></p></main></body></html>";

  /** One cookie repository for the pages and the API, so a page's token is valid for its API calls. */
  private static CookieCsrfTokenRepository csrfTokens() {
    CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    tokens.setCookieName(CSRF_COOKIE);
    tokens.setHeaderName(CSRF_HEADER);
    tokens.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Strict"));
    return tokens;
  }

  private static SecurityContextRepository sessionReadingRepository() {
    HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();
    session.setAllowSessionCreation(false);
    return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), session);
  }

  private static boolean hasBasicCredentials(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
  }

  /** Makes the deferred CSRF token load on every page request, so its cookie is always there for the script. */
  private static final class CsrfCookieFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      if (token != null) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }

  static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String title,
      String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
