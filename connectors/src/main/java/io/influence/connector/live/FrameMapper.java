package io.influence.connector.live;

/** Turns one frame of a network's stream into interaction events: pure, no I/O, so unit-tested without a socket. */
public interface FrameMapper {
  /**
   * @throws UnmappableFrameException when the frame is not what the stream's format promises; the
   *     connector dead-letters it and goes on
   */
  FrameMapping map(Frame frame) throws UnmappableFrameException;
}
