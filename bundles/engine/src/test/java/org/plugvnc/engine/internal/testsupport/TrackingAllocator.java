package org.plugvnc.engine.internal.testsupport;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * Unpooled buffers that are remembered, so a test can tell whether code under test released every
 * buffer it allocated. Unpooled because a pooled buffer that is released goes back to the pool and
 * its reference count says nothing afterwards. One thread at a time (a channel's I/O thread).
 */
public final class TrackingAllocator extends AbstractByteBufAllocator {

  private final ByteBufAllocator unpooled = new UnpooledByteBufAllocator(false, true);
  private final List<ByteBuf> handedOut = new ArrayList<>();

  public TrackingAllocator() {
    super(false);
  }

  /** How many buffers were allocated so far. */
  public int allocated() {
    return handedOut.size();
  }

  /** The buffers allocated and not yet released, in allocation order. */
  public List<ByteBuf> unreleased() {
    return handedOut.stream().filter(b -> b.refCnt() > 0).toList();
  }

  @Override
  protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
    return track(unpooled.heapBuffer(initialCapacity, maxCapacity));
  }

  @Override
  protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
    return track(unpooled.directBuffer(initialCapacity, maxCapacity));
  }

  // Composites are made here, not by the delegate, so they would escape the two methods above.
  @Override
  public CompositeByteBuf compositeHeapBuffer(int maxNumComponents) {
    return track(super.compositeHeapBuffer(maxNumComponents));
  }

  @Override
  public CompositeByteBuf compositeDirectBuffer(int maxNumComponents) {
    return track(super.compositeDirectBuffer(maxNumComponents));
  }

  @Override
  public boolean isDirectBufferPooled() {
    return false;
  }

  private <T extends ByteBuf> T track(T buf) {
    handedOut.add(buf);
    return buf;
  }
}
