package io.github.camelclaid.client.model;

import java.util.ArrayList;
import java.util.List;

/** A Claid answer that carries output images, in Claid's order. */
public interface HasOutputs {

    List<ImageObject> outputs();

    /** Where each output is: its temporary URL or its storage location, in order. */
    default List<String> outputLocations() {
        List<String> urls = new ArrayList<>();
        for (ImageObject o : outputs()) {
            String location = o.location();
            if (location != null) {
                urls.add(location);
            }
        }
        return urls;
    }
}
