package io.cardex.indexer.verify.internals;

/**
 * What fetching an asset found, before its digest is judged: a digested body, a 304 Not Modified
 * answer to a conditional request, or a failure.
 *
 * @param finalUrl    the URL last requested or refused; null when the link itself was refused
 * @param httpStatus  the status of the last response; null when none came
 * @param contentType the Content-Type of the last response, if any
 * @param bytes       how many body bytes were read
 * @param sha256      the body's digest in lower-case hex; null unless the whole body was read
 * @param validators  what identifies the version read, for a later conditional request
 * @param failure     why the fetch failed; null when it did not
 */
public record Fetch(String finalUrl, Integer httpStatus, String contentType, long bytes, String sha256,
                    Validators validators, Failure failure) {

    public static Fetch refused(Failure failure, String url) {
        return new Fetch(url, null, null, 0, null, Validators.NONE, failure);
    }

    public boolean failed() {
        return failure != null;
    }

    public boolean notModified() {
        return failure == null && httpStatus != null && httpStatus == 304;
    }
}
