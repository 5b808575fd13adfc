package org.leadflow.handover;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** {@code POST /api/handovers}: whose leads move, why, to whom (or routing), and whether they come back. */
public record HandoverRequest(
    @NotBlank @Size(max = 64) @Schema(example = "lena") String departingRep,
    @NotNull HandoverKind kind,
    @Schema(description = "first day back of an absent rep", example = "2026-12-14") LocalDate returnsOn,
    @Size(max = 64) @Schema(description = "one successor for every lead; omit to let routing pick per lead")
    String successor,
    @Schema(description = "give the leads back when the absent rep returns (needs returnsOn)") Boolean handBackOnReturn,
    @NotBlank @Size(max = 1000) String note) {}
