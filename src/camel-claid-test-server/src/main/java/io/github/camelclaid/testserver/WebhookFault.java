package io.github.camelclaid.testserver;

/** Arms a fault for the next webhook notifications; each method arms it and returns the faults. */
public final class WebhookFault {

    private final Faults faults;
    private final int times;

    WebhookFault(Faults faults, int times) {
        this.faults = faults;
        this.times = times;
    }

    /** Each notification is delivered twice (the copy after the original's first attempt), as at-least-once senders do. */
    public Faults duplicated() {
        faults.armWebhooks(Faults.WebhookFaultKind.DUPLICATE, times);
        return faults;
    }

    /**
     * Each notification is never sent, as when Claid's delivery is lost for good: the task ends, and only a status
     * request tells.
     */
    public Faults dropped() {
        faults.armWebhooks(Faults.WebhookFaultKind.DROPPED, times);
        return faults;
    }

    /** Each notification carries a signature made with the wrong secret; a receiver must reject it. */
    public Faults withForgedSignature() {
        faults.armWebhooks(Faults.WebhookFaultKind.FORGED_SIGNATURE, times);
        return faults;
    }
}
