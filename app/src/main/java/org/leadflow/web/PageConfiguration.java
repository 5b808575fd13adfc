package org.leadflow.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The app's own pages: plain HTML, CSS and JavaScript in {@code static/} (no build step, no CDN), one
 * shared stylesheet ({@code /css/leadflow.css}) and one shared script ({@code /js/page.js}: the logged-in
 * user, logout, and {@code api()} for JSON calls with the session and the CSRF token). A page
 * {@code /x} is {@code static/x.html} plus {@code static/js/x.js}, mapped here and protected in
 * {@code identity.SecurityConfiguration} (its path and groups).
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/login").setViewName("forward:/login.html");
    registry.addViewController("/digest").setViewName("forward:/digest.html");
    registry.addViewController("/reports").setViewName("forward:/reports.html");
    registry.addViewController("/modeler").setViewName("forward:/modeler.html");
  }
}
