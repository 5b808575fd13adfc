package org.leadflow.handover;

/** Why a rep's leads move: the rep left the company, or is away for a while (and may get them back). */
public enum HandoverKind { DEPARTED, ABSENT }
