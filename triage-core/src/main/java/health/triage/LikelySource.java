package health.triage;

/** Where the pain most likely comes from. */
public enum LikelySource {
    /** Piriformis or other gluteal muscle trigger points pressing on or referring along the sciatic nerve. */
    PIRIFORMIS,
    /** A spinal nerve root (radicular pain, sciatica from a disc or narrowing). */
    SPINAL,
    /**
     * Non-specific low back pain, with or without pain referred into the buttock or thigh: back pain with no feature
     * of a nerve root and no other cause found (NICE NG59). Since vocabulary 2.2.
     */
    NON_SPECIFIC_LOW_BACK,
    /** The cues do not point clearly one way, or another condition may explain the pain. */
    UNCLEAR
}
