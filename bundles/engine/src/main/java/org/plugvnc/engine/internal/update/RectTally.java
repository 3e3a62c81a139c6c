package org.plugvnc.engine.internal.update;

/** Told the encoding of every rectangle an update carries, for the operator's figures. */
@FunctionalInterface
public interface RectTally {

  /** Counts nothing. */
  RectTally NONE = encoding -> {};

  /** One rectangle of {@code encoding} (a pseudo-encoding included) was written. */
  void rect(int encoding);
}
