package io.silkgate.certs;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamping authority for tests and samples (BouncyCastle {@code TimeStampTokenGenerator}): turns a
 * message imprint into a DER time-stamp token signed by a certificate of {@link CertificateIssuer#issueTimeStamping}.
 */
public final class SampleTimeStampAuthority {

    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161.1");

    private final IssuedCertificate tsa;
    private final AtomicLong serial = new AtomicLong(1);

    public SampleTimeStampAuthority(IssuedCertificate tsa) {
        this.tsa = Objects.requireNonNull(tsa, "tsa");
    }

    public IssuedCertificate certificate() {
        return tsa;
    }

    /** A token (DER ContentInfo) over the SHA-256 hash of {@code data}, dated {@code genTime}. */
    public byte[] stamp(byte[] data, Instant genTime) {
        try {
            byte[] imprint = MessageDigest.getInstance("SHA-256").digest(data);
            return stampImprint(NISTObjectIdentifiers.id_sha256, imprint, genTime);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * A token over the SHA-256 hash of {@code data} built without BouncyCastle's TSA checks, so that a certificate a
     * real TSA could not use (e.g. without the timeStamping extended key usage) can sign it: forgery tests only.
     */
    public byte[] stampUnchecked(byte[] data, Instant genTime) {
        try {
            byte[] imprint = MessageDigest.getInstance("SHA-256").digest(data);
            AlgorithmIdentifier sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
            TSTInfo info = new TSTInfo(POLICY, new MessageImprint(sha256, imprint),
                    new ASN1Integer(serial.getAndIncrement()), new ASN1GeneralizedTime(Date.from(genTime)),
                    null, null, null, null, null);
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(tsa.certificate().getEncoded());
            Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(certHash))));
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(signingCertificate);
            // BouncyCastle checks a signing-time attribute against genTime
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(genTime)))));
            String algorithm = "EC".equals(tsa.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                            new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(algorithm).build(tsa.privateKey()),
                            new JcaX509CertificateHolder(tsa.certificate())));
            generator.addCertificates(new JcaCertStore(withoutRoot()));
            return generator.generate(new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo,
                    info.getEncoded(ASN1Encoding.DER)), true).getEncoded();
        } catch (OperatorCreationException | CMSException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a time-stamp token", e);
        }
    }

    /** The TSA certificate and its issuing CAs, without the root (verifiers take that from their anchors). */
    private List<X509Certificate> withoutRoot() {
        List<X509Certificate> chain = tsa.chain();
        X509Certificate last = chain.get(chain.size() - 1);
        return chain.size() > 1 && last.getSubjectX500Principal().equals(last.getIssuerX500Principal())
                ? chain.subList(0, chain.size() - 1) : chain;
    }

    /** A token over an already computed imprint of the given hash algorithm, dated {@code genTime}. */
    public byte[] stampImprint(ASN1ObjectIdentifier hashAlgorithm, byte[] imprint, Instant genTime) {
        try {
            String algorithm = "EC".equals(tsa.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build(algorithm, tsa.privateKey(), tsa.certificate()),
                    new JcaDigestCalculatorProviderBuilder().build().get(
                            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            generator.addCertificates(new JcaCertStore(withoutRoot()));
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(hashAlgorithm, imprint);
            BigInteger number = BigInteger.valueOf(serial.getAndIncrement());
            return generator.generate(request, number, Date.from(genTime)).getEncoded();
        } catch (OperatorCreationException | TSPException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a time-stamp token", e);
        }
    }
}
