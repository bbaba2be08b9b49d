package uk.cspr.identifying;

/** A child's identifying details as every door answers them: the case's reference for the child, and the details. */
public record ChildDetails(String childReference, ChildIdentity identity) {}
