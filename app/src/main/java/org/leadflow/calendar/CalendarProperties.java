package org.leadflow.calendar;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lead.calendar.*}.
 *
 * @param aroundTheClock every calendar counts every hour (the fast-sla demo, where SLA hours pass as minutes)
 * @param refreshInterval how often each node reloads the calendars, so that another node's edit arrives
 *     (this node's own edits apply when they commit)
 */
@ConfigurationProperties("lead.calendar")
public record CalendarProperties(@DefaultValue("false") boolean aroundTheClock,
    @DefaultValue("PT1M") Duration refreshInterval) {}
