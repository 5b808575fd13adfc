package org.leadflow.reports;

/** One bad value of an upload: the row (as a spreadsheet numbers it, the header is row 1), the column, what is wrong. */
public record RowError(int row, String field, String message) {}
