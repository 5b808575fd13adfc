package org.leadflow.calendar;

import java.time.LocalDate;

/** A whole day without working time, dated in its calendar's time zone. */
public record Holiday(LocalDate date, String name) {}
