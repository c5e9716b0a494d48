package kahu.detect.ioc;

/** Receives each indicator found in a line, with the character range where it occurs. */
@FunctionalInterface
public interface IndicatorHit {
    void hit(Indicator indicator, int start, int end);
}
