package dev.onrush.probe.autoscaling;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Auto Scaling's wire protocol, as the AWS SDK speaks it: the AWS Query protocol, a form-encoded
 * {@code POST /} with {@code Action=...&Version=2011-01-01}, answered in XML.
 */
final class AutoScalingWire {

    static final String XMLNS = "http://autoscaling.amazonaws.com/doc/2011-01-01/";

    private AutoScalingWire() {
    }

    static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        server.start();
        return server;
    }

    /** Answers {@code DescribeAutoScalingGroups} with one group. */
    static void group(WireMockServer server, String name, int min, int max, int desired, List<String> states) {
        StringBuilder instances = new StringBuilder();
        for (int i = 0; i < states.size(); i++) {
            instances.append("<member><InstanceId>i-0").append(i).append("abc</InstanceId>")
                    .append("<InstanceType>t3.micro</InstanceType><AvailabilityZone>us-east-1a</AvailabilityZone>")
                    .append("<LifecycleState>").append(states.get(i)).append("</LifecycleState>")
                    .append("<HealthStatus>Healthy</HealthStatus><ProtectedFromScaleIn>false</ProtectedFromScaleIn>")
                    .append("</member>");
        }
        String groupXml = "<member><AutoScalingGroupName>" + name + "</AutoScalingGroupName>"
                + "<AutoScalingGroupARN>arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:"
                + "autoScalingGroupName/" + name + "</AutoScalingGroupARN>"
                + "<MinSize>" + min + "</MinSize><MaxSize>" + max + "</MaxSize>"
                + "<DesiredCapacity>" + desired + "</DesiredCapacity><DefaultCooldown>300</DefaultCooldown>"
                + "<AvailabilityZones><member>us-east-1a</member></AvailabilityZones>"
                + "<Instances>" + instances + "</Instances><HealthCheckType>EC2</HealthCheckType>"
                + "<CreatedTime>2026-01-05T10:00:00.000Z</CreatedTime></member>";
        groups(server, groupXml);
    }

    /** Answers {@code DescribeAutoScalingGroups} with {@code members} (XML of the groups). */
    static void groups(WireMockServer server, String members) {
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeAutoScalingGroups"))
                .willReturn(xml("<DescribeAutoScalingGroupsResponse xmlns=\"" + XMLNS + "\">"
                        + "<DescribeAutoScalingGroupsResult><AutoScalingGroups>" + members
                        + "</AutoScalingGroups></DescribeAutoScalingGroupsResult>" + metadata()
                        + "</DescribeAutoScalingGroupsResponse>")));
    }

    /** Answers {@code DescribeScalingActivities} (with {@code NextToken=token} when token is not null). */
    static void activities(WireMockServer server, String token, String members, String nextToken) {
        var request = post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeScalingActivities"));
        if (token != null) {
            request = request.withRequestBody(containing("NextToken=" + token)).atPriority(1);
        } else {
            request = request.atPriority(5);
        }
        server.stubFor(request.willReturn(xml("<DescribeScalingActivitiesResponse xmlns=\"" + XMLNS + "\">"
                + "<DescribeScalingActivitiesResult><Activities>" + members + "</Activities>"
                + (nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>")
                + "</DescribeScalingActivitiesResult>" + metadata() + "</DescribeScalingActivitiesResponse>")));
    }

    static String activity(String id, String description, String cause, Instant start, String status) {
        return "<member><ActivityId>" + id + "</ActivityId><AutoScalingGroupName>web-asg</AutoScalingGroupName>"
                + "<Description>" + description + "</Description><Cause>" + cause + "</Cause>"
                + "<StartTime>" + start + "</StartTime><EndTime>" + start.plusSeconds(40) + "</EndTime>"
                + "<StatusCode>" + status + "</StatusCode><Progress>100</Progress>"
                + "<Details>{\"Subnet ID\":\"subnet-0a1\",\"Availability Zone\":\"us-east-1a\"}</Details></member>";
    }

    static List<String> forms(WireMockServer server, String action) {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action)))
                .stream().map(r -> r.getBodyAsString()).toList();
    }

    private static String metadata() {
        return "<ResponseMetadata><RequestId>7c6e177f-f082-11e1-ac58-3714bEXAMPLE</RequestId></ResponseMetadata>";
    }

    private static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }
}
