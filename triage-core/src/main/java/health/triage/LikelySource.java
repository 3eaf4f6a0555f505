package health.triage;

/** Where the pain most likely comes from. */
public enum LikelySource {
    /** Piriformis or other gluteal muscle trigger points pressing on or referring along the sciatic nerve. */
    PIRIFORMIS,
    /** A spinal nerve root (radicular pain, sciatica from a disc or narrowing). */
    SPINAL,
    /** The cues do not point clearly one way, or another condition may explain the pain. */
    UNCLEAR
}
